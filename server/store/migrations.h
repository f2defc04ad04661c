// Schema migrations, run at start-up. PRAGMA user_version records how far a database
// file has come; each step runs in its own transaction.
#pragma once

namespace isp::store {

class Connection;

void migrate(Connection& writer);
int latest_schema_version();

} // namespace isp::store
