using Microsoft.Playwright;

namespace IstioTutor.Bot.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for every browser test, driven through Playwright. Playwright's own
/// browser download cannot run here, so the system chromium is launched by path with a fresh profile.
/// Tests that need it call <see cref="SkipIfUnavailable"/> first; only a missing chromium skips them.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowserContext? _context;
    private IBrowser? _browser;
    private string? _userDataDir;

    /// <summary>Why browser tests are skipped, or null when chromium is present and running.</summary>
    public string? UnavailableReason { get; private set; }

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(UnavailableReason ?? "Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            UnavailableReason = $"{ExecutablePath} is not installed (apt-get install chromium; .ci/run installs it).";
            return;
        }

        _userDataDir = Directory.CreateTempSubdirectory("istiotutor-chromium-").FullName;
        _playwright = await Playwright.CreateAsync();
        try
        {
            // Playwright refuses --user-data-dir in Args; a persistent context is how a fresh profile
            // directory is handed over, and its Browser serves every context the tests open.
            _context = await _playwright.Chromium.LaunchPersistentContextAsync(_userDataDir, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Args,
            });
            _browser = _context.Browser ?? throw new InvalidOperationException("Chromium started without a browser handle.");
        }
        catch (PlaywrightException e)
        {
            UnavailableReason = $"{ExecutablePath} is installed but did not start: {e.Message}";
            throw;
        }
    }

    /// <summary>Skips the calling test with the visible reason when chromium is absent.</summary>
    public void SkipIfUnavailable() => Skip.If(UnavailableReason is not null, UnavailableReason);

    /// <summary>A new page in its own context, so cookies and localStorage never leak between tests.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync();
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _playwright?.Dispose();
        if (_userDataDir is not null)
        {
            try
            {
                Directory.Delete(_userDataDir, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be flushing its profile; the temp dir is disposable.
            }
        }
    }
}
