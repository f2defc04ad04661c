#include "qr_decode.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace isp::test {

std::optional<std::string> decode_qr(const QrCode& qr, const std::string& name) {
    constexpr int quiet = 4, scale = 4;
    const char* dir = std::getenv("TEST_OUTPUT_DIR");
    const std::string path = std::string{dir && *dir ? dir : "/tmp"} + "/" + name + ".pbm";
    const int side = (qr.size + 2 * quiet) * scale;
    {
        // Plain PBM (P1): '1' is black, as a module's '1' is dark.
        std::ofstream out(path);
        out << "P1\n" << side << ' ' << side << '\n';
        for (int y = 0; y < side; ++y) {
            for (int x = 0; x < side; ++x) {
                const int row = y / scale - quiet, column = x / scale - quiet;
                const bool inside = row >= 0 && row < qr.size && column >= 0 && column < qr.size;
                out << (inside && qr.dark(row, column) ? '1' : '0');
            }
            out << '\n';
        }
    }
    FILE* p = popen(("zbarimg --quiet --raw -Sdisable -Sqrcode.enable '" + path + "' 2>/dev/null").c_str(), "r");
    if (!p)
        return std::nullopt;
    std::string text;
    char buffer[512];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, p)) > 0;)
        text.append(buffer, n);
    if (pclose(p) != 0 || text.empty())
        return std::nullopt;
    if (text.back() == '\n') // --raw ends the symbol's text with a new line
        text.pop_back();
    return text;
}

bool has_finder_patterns(const QrCode& qr) {
    if (qr.size < 21 || qr.rows.size() != static_cast<std::size_t>(qr.size))
        return false;
    const auto finder_at = [&qr](int top, int left) {
        for (int r = -1; r <= 7; ++r)
            for (int c = -1; c <= 7; ++c) {
                const int row = top + r, column = left + c;
                if (row < 0 || column < 0 || row >= qr.size || column >= qr.size)
                    continue;
                const int ring = std::max(std::abs(r - 3), std::abs(c - 3)); // 0 centre .. 4 separator
                const bool dark = ring != 2 && ring != 4;
                if (qr.dark(row, column) != dark)
                    return false;
            }
        return true;
    };
    const int far = qr.size - 7;
    return finder_at(0, 0) && finder_at(0, far) && finder_at(far, 0);
}

} // namespace isp::test
