#include "draft.h"

namespace sendguard {

const char *fieldName(Field field)
{
    switch (field) {
    case Field::To:
        return "to";
    case Field::Cc:
        return "cc";
    case Field::Bcc:
        return "bcc";
    }
    return "to";
}

} // namespace sendguard
