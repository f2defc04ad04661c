// The main() of the fuzz harnesses in ordinary builds (gcc, ASan): runs
// LLVMFuzzerTestOneInput once on every file named on the command line and on every file
// under the directories named (recursively, in name order), so the seed corpora and the
// crash regressions (tests/fuzz/corpus/<harness>, tests/fuzz/regressions/<harness>) are
// replayed by ctest (`fuzz_regressions`). A harness that finds a bug aborts, which fails
// the test. A directory that does not exist is skipped (a harness without regressions
// yet); files whose name starts with '.' or "README" are not inputs.
//   fuzz_<harness>_replay [-v] PATH...
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

bool is_input(const std::filesystem::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] != '.' && name.rfind("README", 0) != 0;
}

bool run_file(const std::filesystem::path& path, bool verbose) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
        return false;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Exactly sized heap copy, as libFuzzer does: a read past the end is caught by ASan.
    auto copy = std::make_unique<std::uint8_t[]>(bytes.size() + (bytes.empty() ? 1 : 0));
    std::memcpy(copy.get(), bytes.data(), bytes.size());
    if (verbose)
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.c_str(), bytes.size());
    LLVMFuzzerTestOneInput(copy.get(), bytes.size());
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    bool verbose = false;
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-v") {
            verbose = true;
            continue;
        }
        if (!arg.empty() && arg[0] == '-') // libFuzzer flags: ignored here
            continue;
        std::error_code ec;
        const std::filesystem::path p(arg);
        if (std::filesystem::is_directory(p, ec)) {
            std::vector<std::filesystem::path> found;
            for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
                if (e.is_regular_file() && is_input(e.path()))
                    found.push_back(e.path());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (std::filesystem::is_regular_file(p, ec)) {
            files.push_back(p);
        } else {
            std::fprintf(stderr, "replay: %s does not exist, skipped\n", arg.c_str());
        }
    }
    const auto start = std::chrono::steady_clock::now();
    std::size_t ran = 0;
    for (const auto& f : files)
        if (run_file(f, verbose))
            ++ran;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("replay: %zu inputs in %.2f s, no crash\n", ran, seconds);
    if (ran != files.size())
        return 1;
    if (ran == 0) {
        std::fprintf(stderr, "replay: no input found\n");
        return 1;
    }
    return 0;
}
