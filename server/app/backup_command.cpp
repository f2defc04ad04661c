#include "server/app/backup_command.h"

#include <exception>
#include <string>

#include "server/store/backup.h"

namespace isp {

int run_backup_command(const BackupCommand& command, const ServerConfig& config, std::FILE* out, std::FILE* err) {
    try {
        const store::BackupResult result = store::backup_database(config.db_path, command.to, command.force);
        std::fprintf(out, "backed up %s to %s: %ju bytes in %lld ms, integrity and foreign keys checked\n",
                     config.db_path.c_str(), command.to.c_str(), result.bytes,
                     static_cast<long long>(result.milliseconds));
        std::fprintf(err, "The copy holds the link-signing key (token_signing_key): keep it as a secret.\n");
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(err, "portal-server backup: %s\n", e.what());
        return 1;
    }
}

int run_check_command(const ServerConfig& config, std::FILE* out, std::FILE* err) {
    try {
        const auto problems = store::database_problems(config.db_path);
        for (const std::string& problem : problems)
            std::fprintf(err, "%s: %s\n", config.db_path.c_str(), problem.c_str());
        if (!problems.empty()) {
            std::fprintf(err, "portal-server check: %zu problem(s) in %s\n", problems.size(), config.db_path.c_str());
            return 1;
        }
        std::fprintf(out, "%s: integrity ok, foreign keys ok\n", config.db_path.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(err, "portal-server check: %s\n", e.what());
        return 1;
    }
}

} // namespace isp
