#pragma once

#include <string>

namespace sendguard {

// The command line besides serve mode:
//   sendguard-host --check FILE [--policy FILE] [--json] [--dialog]
//   sendguard-host --version
//   sendguard-host --help
// FILE is a review request as the extension sends it (DESIGN.md, "Protocol"); --policy FILE
// holds a policy object that replaces the request's `policy` member. --check prints the findings
// (as JSON with --json: {"findings":[{rule,severity,target,message}],"blocked",
// "needsConfirmation","recipients","attachments"}); --dialog then shows the confirmation dialog
// when the review needs one and prints the decision ("send" or "cancel"; in the JSON as
// "decision"). Returns the process exit code: 0 after printing, 2 on bad usage or input, with
// the reason on stderr. Human-readable text follows the system's language, and after the policy
// is read its `language` key; the JSON output stays in the protocol's English keys.
int runCli(int argc, char **argv);

// The usage text printed by --help and after a usage error, in the language in force (UTF-8).
std::string usageText();

} // namespace sendguard
