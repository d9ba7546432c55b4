// The history part of a review (issue 4, "Measured"): with 1 M recipient rows and 5 M pair
// rows, what the history rules ask of the store must stay under 2 ms median.
//
//   bench_history            100 k recipients, 500 k pairs (the CI size: generated in seconds)
//   bench_history --full     1 M recipients, 5 M pairs (the size; about a minute to
//                            generate the first time)
//   --db PATH                where the generated database lives; it is kept and reused
//   --reviews N              how many reviews to time (default 2000)
//
// Prints the median and 99th percentile of a whole review with the history, without it, and of
// the history queries alone (the same HistoryView calls the rules make). The target is judged on
// the history part of a review: the median with the history less the median without, which
// counts the rules' own work on what the store returns (lookalike-domain compares against every
// domain of the history) as well as the queries. The exit status says only whether the benchmark
// ran: timings on a shared machine are figures to read, not a pass or a fail.

#include "engine/engine.h"
#include "history/historystore.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace sendguard;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kDomains = 20000;
constexpr std::int64_t kPairsPerRecipient = 5;

std::string address(std::int64_t i)
{
    return "p" + std::to_string(i) + "@org" + std::to_string(i % kDomains) + ".example";
}

std::string displayName(std::int64_t i)
{
    return "Person Number" + std::to_string(i);
}

bool fail(const char *what, const sql::Status &error)
{
    if (!error)
        return false;
    std::fprintf(stderr, "bench_history: %s: %s\n", what, error->message.c_str());
    return true;
}

std::int64_t count(sql::Database &db, const char *table)
{
    auto prepared = db.prepare(std::string("SELECT count(*) FROM ") + table);
    auto *statement = std::get_if<sql::Statement>(&prepared);
    return statement && statement->step() ? statement->columnInt(0) : -1;
}

// A statement the generator needs; a schema that no longer takes it ends the benchmark with
// SQLite's own words instead of an uncaught bad_variant_access.
sql::Statement prepareOrExit(sql::Database &db, const std::string &text)
{
    auto prepared = db.prepare(text);
    if (auto *error = std::get_if<sql::StoreError>(&prepared)) {
        std::fprintf(stderr, "bench_history: preparing \"%s\": %s\n", text.c_str(),
                     error->message.c_str());
        std::exit(1);
    }
    return std::get<sql::Statement>(std::move(prepared));
}

// Fills the tables directly, in id order, in one transaction: the same rows recordSent would
// write for a long past, without replaying millions of mails.
bool generate(HistoryStore &store, std::int64_t recipients)
{
    sql::Database &db = store.database();
    auto insertRecipient
        = prepareOrExit(db, "INSERT INTO recipients VALUES (?1, ?2, ?3, 1000, 2000, ?4)");
    auto insertName = prepareOrExit(db, "INSERT INTO display_names VALUES (?1, ?2, ?3, 1)");
    // Every pair of a recurring group has seen each other in To or Cc (schema 4's `visible`).
    auto insertPair
        = prepareOrExit(db, "INSERT INTO pairs (a, b, count, visible) VALUES (?1, ?2, ?3, ?3)");
    auto insertDomain = prepareOrExit(db, "INSERT INTO domains VALUES (?1, 1000, ?2)");
    std::mt19937_64 random(42);
    return !fail(
        "generating", sql::inTransaction(db, [&]() -> sql::Status {
            for (std::int64_t d = 0; d < kDomains; ++d) {
                insertDomain.bind(1, "org" + std::to_string(d) + ".example").bind(2, 1 + d % 50);
                if (auto error = insertDomain.run())
                    return error;
            }
            for (std::int64_t i = 1; i <= recipients; ++i) {
                insertRecipient.bind(1, i)
                    .bind(2, address(i))
                    .bind(3, "org" + std::to_string(i % kDomains) + ".example")
                    .bind(4, static_cast<std::int64_t>(1 + random() % 40));
                if (auto error = insertRecipient.run())
                    return error;
                insertName.bind(1, i)
                    .bind(2, displayNameKey(displayName(i)))
                    .bind(3, displayName(i));
                if (auto error = insertName.run())
                    return error;
                // Recurring groups: each person with the next five.
                for (std::int64_t d = 1; d <= kPairsPerRecipient && i + d <= recipients; ++d) {
                    insertPair.bind(1, i).bind(2, i + d).bind(
                        3, static_cast<std::int64_t>(2 + random() % 20));
                    if (auto error = insertPair.run())
                        return error;
                }
            }
            return std::nullopt;
        }));
}

// A group of five who write together, plus one stranger, one namesake at another
// organisation and one slip in an address: every history rule has work to do.
Draft draftFor(std::int64_t first, std::int64_t recipients)
{
    Draft draft;
    draft.from = "Taro Yamada <taro@corp.example>";
    for (std::int64_t i = first; i < first + 5; ++i)
        draft.to.push_back(displayName(i) + " <" + address(i) + ">");
    draft.cc.push_back("stranger" + std::to_string(first) + "@new-org.example");
    const std::int64_t other = (first + recipients / 2) % recipients + 1;
    draft.cc.push_back(displayName(other) + " <someone" + std::to_string(other)
                       + "@wrong-company.example>");
    // A slip in a known address at a known organisation: lookalike-address compares it with
    // the addresses there.
    draft.cc.push_back("p" + std::to_string(first) + "0@org" + std::to_string(first % kDomains)
                       + ".example");
    draft.subject = "Weekly update";
    draft.body = "Hello all, the figures are attached.";
    return draft;
}

// The calls the history rules make for a review, without the rest of the engine.
std::int64_t historyQueries(const HistoryView &history, const Review &review)
{
    std::int64_t sum = history.hasHistory() ? 1 : 0;
    for (const auto &r : review.recipients) {
        const std::int64_t sent = history.recipientCount(r.normalisedAddress());
        const std::int64_t domain = history.domainCount(r.domain.ascii);
        sum += sent + domain;
        for (const auto &named : history.addressesNamed(r.displayName))
            sum += history.recipientCount(named); // display-name-mismatch weighs namesakes
        if (sent == 0 && domain > 0)              // lookalike-address
            sum += static_cast<std::int64_t>(history.addressesAt(r.domain.ascii, 200).size());
    }
    for (std::size_t i = 0; i < review.recipients.size(); ++i) {
        for (std::size_t j = i + 1; j < review.recipients.size(); ++j) {
            sum += history.pairCount(review.recipients[i].normalisedAddress(),
                                     review.recipients[j].normalisedAddress());
        }
    }
    return sum;
}

struct Figures
{
    double median = 0;
    double p99 = 0;
};

Figures figures(std::vector<double> micros)
{
    std::sort(micros.begin(), micros.end());
    return {micros[micros.size() / 2], micros[micros.size() * 99 / 100]};
}

double since(Clock::time_point start)
{
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char **argv)
{
    std::int64_t recipients = 100000;
    int reviews = 2000;
    std::filesystem::path db;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--full")
            recipients = 1000000;
        else if (argument == "--db" && i + 1 < argc)
            db = argv[++i];
        else if (argument == "--reviews" && i + 1 < argc)
            reviews = std::max(10, std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: bench_history [--full] [--db PATH] [--reviews N]\n");
            return 2;
        }
    }
    if (db.empty())
        db = "bench-history-" + std::to_string(recipients) + ".sqlite";

    auto opened = HistoryStore::open(db);
    if (!opened.store) {
        std::fprintf(stderr, "bench_history: %s\n", opened.error->message.c_str());
        return 2;
    }
    HistoryStore &store = *opened.store;
    if (count(store.database(), "recipients") != recipients) {
        std::printf("generating %lld recipients into %s ...\n", static_cast<long long>(recipients),
                    db.string().c_str());
        const auto start = Clock::now();
        if (!store.database()
                 .execute("DELETE FROM recipients; DELETE FROM pairs;"
                          "DELETE FROM display_names; DELETE FROM domains;")
                 .has_value()
            && !generate(store, recipients))
            return 2;
        std::printf("generated in %.1f s\n", since(start) / 1e6);
    }
    std::printf("history: %lld recipient rows, %lld pair rows, %lld display names\n",
                static_cast<long long>(count(store.database(), "recipients")),
                static_cast<long long>(count(store.database(), "pairs")),
                static_cast<long long>(count(store.database(), "display_names")));

    std::mt19937_64 random(7);
    std::vector<double> withHistory, withoutHistory, queriesOnly;
    std::int64_t fired = 0;
    std::int64_t sink = 0;
    const Policy policy;
    for (int n = 0; n < reviews; ++n) {
        const Draft draft
            = draftFor(1 + static_cast<std::int64_t>(random() % (recipients - 10)), recipients);
        auto start = Clock::now();
        const Review plain = reviewDraft(draft, policy, nullptr);
        withoutHistory.push_back(since(start));
        start = Clock::now();
        const Review full = reviewDraft(draft, policy, &store);
        withHistory.push_back(since(start));
        start = Clock::now();
        sink += historyQueries(store, plain);
        queriesOnly.push_back(since(start));
        fired += full.findings.size() > plain.findings.size() ? 1 : 0;
    }
    if (store.takeReadFailure()) {
        std::fprintf(stderr, "bench_history: a history read failed\n");
        return 2;
    }
    const Figures a = figures(withHistory), b = figures(withoutHistory), c = figures(queriesOnly);
    std::printf("%d reviews of 7 recipients (%lld with history findings, checksum %lld)\n", reviews,
                static_cast<long long>(fired), static_cast<long long>(sink));
    std::printf("review with history     median %8.1f us   p99 %8.1f us\n", a.median, a.p99);
    std::printf("review without history  median %8.1f us   p99 %8.1f us\n", b.median, b.p99);
    std::printf("history queries alone   median %8.1f us   p99 %8.1f us\n", c.median, c.p99);
    const double historyPart = a.median - b.median;
    std::printf("history part (with - without medians): %.1f us\n", historyPart);
    std::printf("target (history part of a review < 2000 us median): %s\n",
                historyPart < 2000 ? "met" : "MISSED");
    return 0;
}
