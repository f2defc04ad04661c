// Schema migrations, run at start-up. PRAGMA user_version records how far a database
// file has come; each step runs in its own transaction.
#pragma once

namespace isp::store {

class Connection;

// Runs the steps the database lacks, up to `up_to` (tests make older databases with it).
void migrate(Connection& writer, int up_to = -1);
int latest_schema_version();
int schema_version(Connection& c); // PRAGMA user_version

} // namespace isp::store
