package io.sangdam.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright. The browser is never downloaded at test time
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set by the build); `.ci/run` installs the package.
 */
final class Chromium {

    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/bin/chromium"), Path.of("/usr/lib/chromium/chromium"), Path.of("/usr/bin/chromium-browser"));

    private Chromium() {}

    static Browser launch(Playwright playwright) {
        Path executable = CANDIDATES.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Browser tests need Chromium: apt-get install -y chromium fonts-nanum"));
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setHeadless(true)
                        // The machine's network is closed; without these Chromium keeps trying to reach Google.
                        .setArgs(List.of(
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }
}
