// QR codes of short texts (the otpauth:// URI of a TOTP enrolment), as a module matrix the
// console draws itself: libqrencode, error-correction level M, the whole text in 8-bit mode.
// The text may be a secret: nothing here logs it, and libqrencode's copy is wiped.
#pragma once
#include <string_view>

#include "shared/staff/staff_requests.h" // QrCode

namespace isp::security {

// The smallest QR code (version 1..40) that holds `text` at level M. Throws
// std::runtime_error when it cannot (too long: more than 2,331 bytes) or memory runs out.
QrCode qr_code(std::string_view text);

} // namespace isp::security
