#include "typodistance.h"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>
#include <vector>

namespace sendguard {

namespace {

constexpr int plainEdit = 2;
constexpr int likelySlip = 1;
constexpr int firstCharacterPenalty = 1;

// The QWERTY rows as they are staggered on the keyboard: a key touches its row neighbours, the
// key above it and the one above to the right, the key below it and the one below to the left.
constexpr std::array<std::string_view, 4> qwertyRows{"1234567890-", "qwertyuiop", "asdfghjkl",
                                                     "zxcvbnm"};

using PairTable = std::array<std::array<bool, 128>, 128>;

constexpr void linkBoth(PairTable &table, char first, char second)
{
    table[static_cast<unsigned char>(first)][static_cast<unsigned char>(second)] = true;
    table[static_cast<unsigned char>(second)][static_cast<unsigned char>(first)] = true;
}

constexpr PairTable keyboardNeighbours()
{
    PairTable table{};
    for (std::size_t row = 0; row < qwertyRows.size(); ++row) {
        const std::string_view keys = qwertyRows[row];
        for (std::size_t column = 0; column < keys.size(); ++column) {
            if (column + 1 < keys.size())
                linkBoth(table, keys[column], keys[column + 1]);
            if (row + 1 == qwertyRows.size())
                continue;
            const std::string_view below = qwertyRows[row + 1];
            if (column < below.size())
                linkBoth(table, keys[column], below[column]);
            if (column > 0 && column - 1 < below.size())
                linkBoth(table, keys[column], below[column - 1]);
        }
    }
    return table;
}

// Digits that pass for letters in most fonts (and the letters that pass for each other).
constexpr PairTable visualPairs()
{
    PairTable table{};
    linkBoth(table, '0', 'o');
    linkBoth(table, '1', 'l');
    linkBoth(table, '1', 'i');
    linkBoth(table, 'l', 'i');
    linkBoth(table, '5', 's');
    return table;
}

constexpr PairTable neighbours = keyboardNeighbours();
constexpr PairTable lookalikes = visualPairs();

bool inTable(const PairTable &table, char32_t first, char32_t second)
{
    return first < 128 && second < 128 && table[first][second];
}

class CostModel
{
public:
    explicit CostModel(bool visualOnly)
        : m_visualOnly(visualOnly)
    {}

    int substitution(char32_t intended, char32_t typed) const
    {
        if (intended == typed)
            return 0;
        if (inTable(lookalikes, intended, typed))
            return likelySlip;
        if (!m_visualOnly && inTable(neighbours, intended, typed))
            return likelySlip;
        return plainEdit;
    }

    // Inserting or dropping text[index], which a doubled letter makes likely ("partnerr").
    int insertionOrDeletion(std::u32string_view text, std::size_t index) const
    {
        if (m_visualOnly)
            return plainEdit;
        const bool doubled = (index > 0 && text[index - 1] == text[index])
                             || (index + 1 < text.size() && text[index + 1] == text[index]);
        return doubled ? likelySlip : plainEdit;
    }

    int transposition() const { return m_visualOnly ? plainEdit : likelySlip; }

private:
    bool m_visualOnly;
};

} // namespace

int typoDistance(std::u32string_view intended, std::u32string_view typed, bool visualOnly)
{
    return typoDistanceUpTo(intended, typed, visualOnly, std::numeric_limits<int>::max());
}

namespace {

// A lower bound of the distance for ASCII text, from the letters alone: every edit costs at least
// one half step and leaves at most one letter of each side unmatched by the other side's
// letters, so the distance is at least the larger count of unmatched letters. -1 when either
// side is not ASCII.
int letterCountBound(std::u32string_view a, std::u32string_view b)
{
    // Only the letters that occur are summed (and cleared once summed), so the cost follows the
    // names' length, not the alphabet's: callers bound thousands of short names in a row.
    std::array<int, 128> balance{};
    for (const char32_t c : a) {
        if (c >= 128)
            return -1;
        ++balance[c];
    }
    for (const char32_t c : b) {
        if (c >= 128)
            return -1;
        --balance[c];
    }
    int onlyInA = 0;
    int onlyInB = 0;
    const auto settle = [&](std::u32string_view text) {
        for (const char32_t c : text) {
            const int count = std::exchange(balance[c], 0);
            onlyInA += count > 0 ? count : 0;
            onlyInB += count < 0 ? -count : 0;
        }
    };
    settle(a);
    settle(b);
    return std::max(onlyInA, onlyInB);
}

} // namespace

int typoDistanceUpTo(std::u32string_view intended, std::u32string_view typed, bool visualOnly,
                     int limit)
{
    if (limit < std::numeric_limits<int>::max()) {
        const int bound = letterCountBound(intended, typed);
        if (bound > limit)
            return bound;
    }
    const CostModel cost(visualOnly);
    const std::size_t rows = intended.size() + 1;
    const std::size_t columns = typed.size() + 1;
    // Domain labels are short: their table fits on the stack, and a caller comparing one name
    // with thousands of references does not allocate once per reference.
    std::array<int, 1024> small;
    std::vector<int> large;
    int *table = small.data();
    if (rows * columns > small.size()) {
        large.resize(rows * columns);
        table = large.data();
    }
    auto at = [&](std::size_t i, std::size_t j) -> int & {
        return table[i * columns + j];
    };
    at(0, 0) = 0;
    // An edit at the first character of `intended`: row i == 1 (or inserting before it).
    auto penalty = [](std::size_t i) {
        return i <= 1 ? firstCharacterPenalty : 0;
    };

    for (std::size_t i = 1; i < rows; ++i)
        at(i, 0) = at(i - 1, 0) + cost.insertionOrDeletion(intended, i - 1) + penalty(i);
    for (std::size_t j = 1; j < columns; ++j)
        at(0, j) = at(0, j - 1) + cost.insertionOrDeletion(typed, j - 1) + penalty(0);

    int previousRowLeast = 0;
    for (std::size_t i = 1; i < rows; ++i) {
        int rowLeast = at(i, 0);
        for (std::size_t j = 1; j < columns; ++j) {
            const char32_t a = intended[i - 1];
            const char32_t b = typed[j - 1];
            const int substitute = cost.substitution(a, b);
            int best = at(i - 1, j - 1) + substitute + (substitute ? penalty(i) : 0);
            best = std::min(best,
                            at(i - 1, j) + cost.insertionOrDeletion(intended, i - 1) + penalty(i));
            // Inserting after intended[i - 1] never touches the first character.
            best = std::min(best, at(i, j - 1) + cost.insertionOrDeletion(typed, j - 1));
            if (i > 1 && j > 1 && a == typed[j - 2] && intended[i - 2] == b && a != b)
                best = std::min(best, at(i - 2, j - 2) + cost.transposition() + penalty(i - 1));
            at(i, j) = best;
            rowLeast = std::min(rowLeast, best);
        }
        // Costs are never negative and a cell looks back two rows at most (a swap): once two
        // rows in a row exceed the limit, so does everything after them.
        if (rowLeast > limit && previousRowLeast > limit)
            return rowLeast;
        previousRowLeast = rowLeast;
    }
    return at(rows - 1, columns - 1);
}

std::u32string toCodePoints(std::string_view utf8)
{
    std::u32string out;
    out.reserve(utf8.size());
    std::size_t index = 0;
    while (index < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[index]);
        const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (lead >= 0x80 && (lead < 0xC2 || lead > 0xF4 || index + length > utf8.size())) {
            out.push_back(U'\uFFFD');
            ++index;
            continue;
        }
        char32_t codePoint = length == 1 ? lead : lead & (0x7F >> length);
        bool wellFormed = true;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[index + k]);
            wellFormed = wellFormed && (next & 0xC0) == 0x80;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        out.push_back(wellFormed ? codePoint : U'\uFFFD');
        index += wellFormed ? length : 1;
    }
    return out;
}

} // namespace sendguard
