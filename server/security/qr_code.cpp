#include "server/security/qr_code.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include <qrencode.h>

namespace isp::security {

QrCode qr_code(std::string_view text) {
    // Version 0: the smallest that fits. The whole text in 8-bit mode: the app reads back the
    // very bytes (the URI's lower-case letters rule out the alphanumeric mode anyway).
    QRcode* raw = QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()),
                                    0, QR_ECLEVEL_M);
    if (!raw)
        throw std::runtime_error(std::string{"QR encoding failed: "} + std::strerror(errno));
    const auto wipe_and_free = [](QRcode* q) {
        // Its modules spell the secret: the heap it leaves behind should not.
        std::memset(q->data, 0, static_cast<std::size_t>(q->width) * static_cast<std::size_t>(q->width));
        QRcode_free(q);
    };
    const std::unique_ptr<QRcode, decltype(wipe_and_free)> q(raw, wipe_and_free);
    QrCode out;
    out.size = q->width;
    out.rows.reserve(static_cast<std::size_t>(q->width));
    for (int y = 0; y < q->width; ++y) {
        std::string row(static_cast<std::size_t>(q->width), '0');
        for (int x = 0; x < q->width; ++x)
            if (q->data[y * q->width + x] & 1) // bit 0: dark; the other bits say what the module is for
                row[static_cast<std::size_t>(x)] = '1';
        out.rows.push_back(std::move(row));
    }
    return out;
}

} // namespace isp::security
