#include "server/services/database_health.h"

#include "server/services/service_context.h"
#include "server/store/database.h"

namespace isp::services {

DatabaseHealth check_database(ServiceContext& context) {
    DatabaseHealth health;
    try {
        health.schema_version = context.db.schema_version();
    } catch (const std::exception&) {
    }
    health.reachable = health.schema_version > 0;
    health.writable = health.reachable && context.db.accepts_writes();
    return health;
}

} // namespace isp::services
