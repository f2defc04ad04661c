// A staff payment through the API, as the collections tests record one: cash, in MAD, with
// a fresh Idempotency-Key (POST /api/v1/collections/payments).
#pragma once
#include <cstdint>
#include <string>

#include <httplib.h>

namespace isp::test {

httplib::Result pay_in_cash(httplib::Client& c, const std::string& token, const std::string& invoice_id,
                            std::int64_t amount_minor);

} // namespace isp::test
