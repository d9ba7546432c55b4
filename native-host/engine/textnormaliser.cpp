#include "textnormaliser.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utypes.h>

#include <climits>

namespace sendguard {

namespace {

std::string asciiLowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// The one place that talks to ICU's normalisation API (STYLE.md rule 6). ICU owns the
// Normalizer2 singleton and its methods are thread-safe, so one lookup serves every thread.
class CaseFoldingNormaliser
{
public:
    CaseFoldingNormaliser()
    {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2 *normaliser = icu::Normalizer2::getNFKCCasefoldInstance(status);
        if (U_SUCCESS(status))
            m_normaliser = normaliser;
    }

    // ASCII is already in NFKC and no composition takes an ASCII character second, so runs of
    // ASCII only need lower-casing; ICU sees the rest, each piece with the ASCII character
    // before it, which a combining mark may compose with ("e" + U+0301 becomes "é"). This keeps
    // mostly-ASCII bodies several times faster than sending everything through ICU.
    std::string fold(std::string_view text) const
    {
        if (!m_normaliser || text.size() > static_cast<std::size_t>(INT32_MAX))
            return asciiLowered(text);
        std::string out;
        out.reserve(text.size());
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t nonAscii = pos;
            while (nonAscii < text.size() && isAscii(text[nonAscii]))
                ++nonAscii;
            const std::size_t pieceStart = nonAscii > pos ? nonAscii - 1 : nonAscii;
            appendAsciiLowered(out, text.substr(pos, pieceStart - pos));
            if (nonAscii == text.size()) {
                appendAsciiLowered(out, text.substr(pieceStart));
                break;
            }
            std::size_t pieceEnd = nonAscii;
            while (pieceEnd < text.size() && !isAscii(text[pieceEnd]))
                ++pieceEnd;
            if (!appendNormalised(out, text.substr(pieceStart, pieceEnd - pieceStart)))
                return asciiLowered(text);
            pos = pieceEnd;
        }
        return out;
    }

private:
    static bool isAscii(char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; }

    static void appendAsciiLowered(std::string &out, std::string_view text)
    {
        const std::size_t start = out.size();
        out.append(text);
        for (std::size_t i = start; i < out.size(); ++i) {
            if (out[i] >= 'A' && out[i] <= 'Z')
                out[i] = static_cast<char>(out[i] - 'A' + 'a');
        }
    }

    bool appendNormalised(std::string &out, std::string_view piece) const
    {
        icu::StringByteSink<std::string> sink(&out);
        UErrorCode status = U_ZERO_ERROR;
        m_normaliser->normalizeUTF8(
            0, icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())), sink, nullptr,
            status);
        return U_SUCCESS(status);
    }

    const icu::Normalizer2 *m_normaliser = nullptr; // owned by ICU
};

} // namespace

std::string foldForMatching(std::string_view text)
{
    static const CaseFoldingNormaliser normaliser;
    return normaliser.fold(text);
}

} // namespace sendguard
