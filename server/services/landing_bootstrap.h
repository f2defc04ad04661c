// What the portal starts from (GET /api/v1/landing/bootstrap, process map P7): the
// operator, today's date, the active offers by service family and the signup limits.
#pragma once
#include <cstdint>

#include "shared/wire/bootstrap_json.h"

namespace isp::services {

struct ServiceContext;

wire::Bootstrap landing_bootstrap(ServiceContext& ctx);

// Changes whenever the catalog is written in this process: a cached bootstrap built at
// an older generation is stale.
std::uint64_t catalog_generation(ServiceContext& ctx);

} // namespace isp::services
