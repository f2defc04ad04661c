// Whether the database can be read and written now, for GET /api/v1/health (monitoring
// must see a full disk): reachable when its schema version can be read, writable as
// store::Database::accepts_writes() decides (a recent write, or a probe write).
#pragma once

namespace isp::services {
struct ServiceContext;

struct DatabaseHealth {
    bool reachable = false;
    bool writable = false;
    int schema_version = -1;
};

DatabaseHealth check_database(ServiceContext& context);

} // namespace isp::services
