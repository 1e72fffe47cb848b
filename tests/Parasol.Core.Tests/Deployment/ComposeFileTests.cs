using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Parasol.Core.Tests.Deployment;

/// <summary>There is no Docker engine here, so docker-compose.yml is kept honest by reading it.</summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void The_compose_file_names_the_production_like_services()
    {
        var services = Services();
        Assert.Equal(["backoffice", "mailpit", "migrate", "minio", "minio-bucket", "portal", "postgres", "proxy"], services.Children.Keys.Select(k => k.ToString()).Order());
    }

    [Theory]
    [InlineData("portal", "src/Portal/Parasol.Portal.csproj")]
    [InlineData("backoffice", "src/BackOffice/Parasol.BackOffice.csproj")]
    [InlineData("migrate", "src/Core/Parasol.Core.csproj")]
    public void Every_built_service_builds_from_a_project_that_exists(string service, string project)
    {
        var build = (YamlMappingNode)((YamlMappingNode)Services()[service])["build"];
        var context = Path.GetFullPath(Path.Combine(Root, build["context"].ToString()));
        var dockerfile = Path.Combine(context, build["dockerfile"].ToString());
        Assert.True(File.Exists(dockerfile), $"{service}: {dockerfile} is missing");

        var text = File.ReadAllText(dockerfile);
        Assert.Contains(project, text, StringComparison.Ordinal);
        foreach (Match copy in CopySources().Matches(text))
        {
            foreach (var source in copy.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            {
                Assert.True(File.Exists(Path.Combine(context, source)) || Directory.Exists(Path.Combine(context, source)),
                    $"{service}: the Dockerfile copies {source}, which does not exist");
            }
        }
    }

    [Fact]
    public void The_apps_wait_for_the_migration_and_the_bucket_and_keep_attachments_in_minio()
    {
        var services = Services();
        foreach (var app in new[] { "portal", "backoffice" })
        {
            var node = (YamlMappingNode)services[app];
            var dependsOn = (YamlMappingNode)node["depends_on"];
            Assert.Equal("service_completed_successfully", ((YamlMappingNode)dependsOn["migrate"])["condition"].ToString());
            Assert.Equal("service_completed_successfully", ((YamlMappingNode)dependsOn["minio-bucket"])["condition"].ToString());
            var environment = ((YamlMappingNode)node["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
            Assert.Contains("ConnectionStrings__Default", environment.Keys);
            Assert.Equal("S3", environment["Attachments__Store"]);
            Assert.Equal("http://minio:9000", environment["Attachments__S3__Endpoint"]);
            // The bucket the apps use is the one the one-shot step creates, and their key is its limited user's, not root's.
            var setup = File.ReadAllText(Path.Combine(Root, "deploy/minio-setup.sh"));
            Assert.Contains($"bucket={environment["Attachments__S3__Bucket"]}\n", setup, StringComparison.Ordinal);
            var bucketStep = ((YamlMappingNode)((YamlMappingNode)services["minio-bucket"])["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
            Assert.Equal(bucketStep["S3_ACCESS_KEY"], environment["Attachments__S3__AccessKey"]);
            Assert.Equal(bucketStep["S3_SECRET_KEY"], environment["Attachments__S3__SecretKey"]);
            Assert.NotEqual(bucketStep["MINIO_ROOT_USER"], environment["Attachments__S3__AccessKey"]);
        }
        var minio = (YamlMappingNode)services["minio"];
        Assert.Contains(((YamlSequenceNode)minio["volumes"]).Children, v => v.ToString() == "attachments:/data");
    }

    [Fact]
    public void The_apps_are_reached_only_over_https_through_the_proxy_whose_forwarded_headers_they_believe()
    {
        var services = Services();
        var proxy = (YamlMappingNode)services["proxy"];
        var proxyAddress = ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)proxy["networks"])["default"]))["ipv4_address"].ToString();
        var caddyfile = File.ReadAllText(Path.Combine(Root, "deploy/Caddyfile"));
        Assert.Contains(((YamlSequenceNode)proxy["volumes"]).Children, v => v.ToString() == "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
        foreach (var (app, port) in new[] { ("portal", "5000"), ("backoffice", "5001") })
        {
            var node = (YamlMappingNode)services[app];
            // Published only by the proxy: a plain-HTTP port of the app would serve forms whose Secure cookies never return.
            Assert.False(node.Children.ContainsKey("ports"), $"{app} publishes a port of its own");
            Assert.Contains($"reverse_proxy {app}:8080", caddyfile, StringComparison.Ordinal);
            Assert.Contains(((YamlSequenceNode)proxy["ports"]).Children, p => p.ToString() == $"{port}:{port}");
            var environment = ((YamlMappingNode)node["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
            Assert.Equal(proxyAddress, environment["ForwardedHeaders__KnownProxies"]);
            Assert.StartsWith("${PORTAL_BASE_URL:-https://", environment["Portal__BaseUrl"], StringComparison.Ordinal);
            Assert.StartsWith("${BACKOFFICE_BASE_URL:-https://", environment["BackOffice__BaseUrl"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Both_apps_encrypt_the_data_protection_keys_with_a_certificate_kept_out_of_the_repository_and_the_database()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml")))
        {
            yaml.Load(reader);
        }
        var secrets = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["secrets"];
        var file = ((YamlMappingNode)secrets["data-protection-certificate"])["file"].ToString();
        Assert.Equal("${DATA_PROTECTION_CERTIFICATE_FILE:-./secrets/data-protection.pfx}", file);
        Assert.Contains("secrets/", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
        Assert.Contains("DATA_PROTECTION_CERTIFICATE_PASSWORD=", File.ReadAllText(Path.Combine(Root, ".env.example")), StringComparison.Ordinal);
        foreach (var app in new[] { "portal", "backoffice" })
        {
            var node = (YamlMappingNode)Services()[app];
            Assert.Contains(((YamlSequenceNode)node["secrets"]).Children, s => s.ToString() == "data-protection-certificate");
            var environment = ((YamlMappingNode)node["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
            Assert.Equal("/run/secrets/data-protection-certificate", environment["DataProtection__CertificatePath"]);
            Assert.StartsWith("${DATA_PROTECTION_CERTIFICATE_PASSWORD", environment["DataProtection__CertificatePassword"], StringComparison.Ordinal);
        }
        // The migrations step never touches the key ring.
        Assert.False(((YamlMappingNode)Services()["migrate"]).Children.ContainsKey("secrets"));
    }

    [Fact]
    public void Docker_compose_validates_the_file_when_it_is_installed()
    {
        var compose = new[] { "/usr/bin/docker-compose", "/usr/local/bin/docker-compose" }.FirstOrDefault(File.Exists);
        if (compose is null)
        {
            // test.sh installs Debian's docker-compose; outside it, the parsing tests above still hold the file.
            return;
        }
        var start = new ProcessStartInfo(compose, "-f docker-compose.yml config -q") { WorkingDirectory = Root, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
    }

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlMappingNode)root["services"];
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parasol.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Parasol.slnx not found above the test binaries.");
    }

    [GeneratedRegex(@"^COPY (?!--from)(?<sources>.+)$", RegexOptions.Multiline)]
    private static partial Regex CopySources();
}
