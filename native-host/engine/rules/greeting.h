#pragma once

// What the body's greeting says about who a mail is for. Internal to the engine: the greeting
// is parsed by salutation-mismatch (salutationmismatch.cpp), and other rules ask it here.

#include "../engine.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace sendguard::rules {

// The indices (into review.recipients) of the To recipients the greeting in `body` names:
// "Hi Maria," names the To recipients called Maria. Empty when the body opens with no greeting,
// with one to a group or nobody in particular ("Hi all,", "Dear Sir or Madam"), when the
// greeting names none of the To recipients, or when one of them cannot be compared with it (a
// kanji greeting and a recipient known only by a Latin name): then the greeting says nothing.
std::vector<std::size_t> greetedRecipients(const Review &review, std::string_view body);

} // namespace sendguard::rules
