#pragma once

#include <QString>

#include <string>

namespace sendguard {

// A text that came from other people's mail (a name, a file name, a subject, a finding's
// argument), as the dialogs show it: UTF-8 decoded, with every bidi control replaced by U+FFFD,
// since a right-to-left override would draw "invoice<U+202E>fdp.exe" as "invoiceexe.pdf".
QString textFromMail(const std::string &utf8);

} // namespace sendguard
