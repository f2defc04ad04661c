// --demo's billing history: the demo contracts billed for the months before this one, as
// the monthly runs would have done on the first of each month, with most invoices paid,
// one partly paid and one overdue - so the portal's invoices screen and the collections
// endpoints have something to show. Written with the real billing and payment code.
#pragma once

namespace isp {
class Clock;
struct ServerConfig;
namespace store {
class Connection;
}
} // namespace isp

namespace isp::demo {

// In the caller's transaction, right after the demo contracts (which start three months ago).
void seed_billing_history(store::Connection& c, const Clock& clock, const ServerConfig& config);

} // namespace isp::demo
