// Reads a QR code's module matrix (shared/staff QrCode) back as a phone would: drawn into a
// bitmap with its quiet zone and decoded by zbarimg (Debian's zbar-tools, installed by
// .ci/setup), so the API tests check the text it holds, not the modules by eye.
#pragma once
#include <optional>
#include <string>

#include "shared/staff/staff_requests.h"

namespace isp::test {

// The text zbarimg reads from `qr` drawn 4 pixels per module into `<TEST_OUTPUT_DIR or
// /tmp>/<name>.pbm`; nullopt when it reads nothing (or zbarimg is missing).
std::optional<std::string> decode_qr(const QrCode& qr, const std::string& name);

// Whether the three finder patterns (7x7: dark ring, light ring, dark 3x3 centre) sit in the
// top-left, top-right and bottom-left corners, each with its light separator.
bool has_finder_patterns(const QrCode& qr);

} // namespace isp::test
