// The cost the user layer adds to every review: the host reads settings.json afresh and merges
// it with the admin layer (HostServer::layeredPolicy). Measured for a small and a large file, to
// decide between reading per review and caching (per review won; see the README).

#include "protocol/policylayers.h"
#include "settings/usersettings.h"

#include <benchmark/benchmark.h>

#include <QTemporaryDir>

#include <string>

namespace sendguard {
namespace {

nlohmann::json layerWith(int entries)
{
    nlohmann::json layer = nlohmann::json::object();
    for (int i = 0; i < entries; ++i) {
        layer["trustedDomains"].push_back("partner" + std::to_string(i) + ".example");
        layer["internalDomains"].push_back("*.unit" + std::to_string(i) + ".corp.example");
        layer["attentionTerms"].push_back("Project " + std::to_string(i));
    }
    layer["countdownSeconds"] = 3;
    layer["rules"] = {{"new-domain", {{"enabled", false}}}};
    return layer;
}

void readAndMergeSettings(benchmark::State &state)
{
    QTemporaryDir dir;
    const UserSettingsFile file(UserSettingsFile::defaultPath(dir.path().toStdString()));
    file.save(layerWith(int(state.range(0))));
    const nlohmann::json admin = {{"internalDomains", {"corp.example"}},
                                  {"trustedDomains", {"auditor.example"}},
                                  {"locked", {"countdownSeconds"}}};
    for (auto _ : state) {
        const LoadedSettings loaded = file.load();
        benchmark::DoNotOptimize(mergePolicyLayers(admin, loaded.layer));
    }
}
BENCHMARK(readAndMergeSettings)->Arg(5)->Arg(200)->Unit(benchmark::kMicrosecond);

} // namespace
} // namespace sendguard

BENCHMARK_MAIN();
