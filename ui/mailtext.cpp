#include "mailtext.h"

namespace sendguard {

QString textFromMail(const std::string &utf8)
{
    QString result = QString::fromStdString(utf8);
    for (QChar &c : result) {
        const char16_t code = c.unicode();
        const bool bidiControl = (code >= 0x202A && code <= 0x202E)
                                 || (code >= 0x2066 && code <= 0x2069) || code == 0x200E
                                 || code == 0x200F || code == 0x061C;
        if (bidiControl)
            c = QChar(QChar::ReplacementCharacter);
    }
    return result;
}

} // namespace sendguard
