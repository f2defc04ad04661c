#include "tests/support/cash_payment.h"

#include <nlohmann/json.hpp>

#include "tests/support/test_server.h"

namespace isp::test {

httplib::Result pay_in_cash(httplib::Client& c, const std::string& token, const std::string& invoice_id,
                            std::int64_t amount_minor) {
    auto h = bearer(token);
    h.emplace("Idempotency-Key", new_key());
    const nlohmann::json body = {{"invoice_id", invoice_id},
                                 {"amount", {{"amount_minor", amount_minor}, {"currency", "MAD"}}},
                                 {"method", "cash"}};
    return c.Post("/api/v1/collections/payments", h, body.dump(), "application/json");
}

} // namespace isp::test
