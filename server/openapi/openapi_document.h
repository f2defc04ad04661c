// The OpenAPI 3.1 description of the API (server/openapi/openapi.json), embedded at
// build time and served at GET /api/v1/openapi.json. Tests check real responses against it.
#pragma once
#include <span>

namespace isp::openapi {
extern const std::span<const unsigned char> document;
} // namespace isp::openapi
