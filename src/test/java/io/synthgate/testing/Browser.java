package io.synthgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through Debian's chromedriver (no browser download), at a
 * common laptop size. Screenshots go to {@code target/screenshots/}, and to {@code docs/admin/} as
 * well when the build is run with {@code -Dsynthgate.screenshots=docs/admin}.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension LAPTOP = new Dimension(1440, 900);
    /** Whether every {@code img} at least partly inside the window has finished loading (or failed to). */
    private static final String PICTURES_IN_VIEW_LOADED = """
            return Array.from(document.images).every(img => {
              const box = img.getBoundingClientRect();
              const inView = box.width > 0 && box.bottom > 0 && box.top < window.innerHeight;
              return !inView || img.complete;
            });""";

    /** chromedriver's words for an element whose page section was replaced while it was being read. */
    private static final String NODE_REPLACED = "does not belong to the document";

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser, no cookies, for the gateway at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    public static Browser open(String base) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("synthgate.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + LAPTOP.width + "," + LAPTOP.height, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("synthgate.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(LAPTOP);
        return new Browser(driver, base);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /**
     * Signs in through the sign-in form, as a person would, and waits for the form's page to be replaced: a
     * navigation started before that would race the session cookie and land on the sign-in page again.
     */
    public Browser signIn(String username, String password) {
        go("/admin/sign-in");
        driver.findElement(By.id("j_username")).sendKeys(username);
        driver.findElement(By.id("j_password")).sendKeys(password);
        WebElement submit = driver.findElement(By.cssSelector("button[type=submit]"));
        submit.click();
        awaitGone(submit);
        return this;
    }

    /**
     * Waits until {@code element}'s page has been replaced by the next, as after a form's submission.
     * Selenium's {@code stalenessOf} is not enough: asked during the navigation, chromedriver may answer
     * "Node with given id does not belong to the document" rather than that the element is stale, and
     * the wait failed on it (ReviewWorklistIT, once); such an answer means only "ask again".
     */
    public void awaitGone(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(page -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException navigating) {
                return false;
            }
        });
    }

    public Browser signIn(TestUser user) {
        return signIn(user.username(), user.password());
    }

    /** Types keys into the page itself (not into a field), as keyboard shortcuts. */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    public WebElement await(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** The element's text, read again should a refresh of its section replace it between finding and reading. */
    public String text(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(readingAgainIfReplaced(current -> current.findElement(locator).getText()));
    }

    /**
     * Waits until the element's text contains {@code text}, reading it afresh each time: a section the page
     * refreshes in place replaces its elements, so one found earlier may be gone by the time it is read.
     */
    public void awaitText(By locator, String text, Duration timeout) {
        ExpectedCondition<Boolean> says = ExpectedConditions.textToBePresentInElementLocated(locator, text);
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(300))
                .withMessage(() -> locator + " never said " + text)
                .until(readingAgainIfReplaced(says));
    }

    /**
     * {@code read}, answering "not yet" when the element it reads was replaced while it read. Selenium
     * reports that as a stale element, or, when chromedriver is asked in the middle of the swap, as "Node
     * with given id does not belong to the document" (CohortPullIT, once in CI): both mean only "ask again".
     */
    private static <T> Function<WebDriver, T> readingAgainIfReplaced(Function<WebDriver, T> read) {
        return page -> {
            try {
                return read.apply(page);
            } catch (StaleElementReferenceException replaced) {
                return null;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains(NODE_REPLACED)) {
                    return null;
                }
                throw e;
            }
        };
    }

    public void awaitUrlContaining(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(part));
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * Saves what the browser shows as {@code name}.png, once every picture in view has loaded: pages
     * load their thumbnails lazily, and a shot taken at once showed black squares where a radiograph
     * belonged.
     */
    public Path screenshot(String name) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "a picture in view of " + name
                + " did not load").until(page -> (Boolean) driver.executeScript(PICTURES_IN_VIEW_LOADED));
        try {
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Path target = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            String docs = System.getProperty("synthgate.screenshots");
            if (docs != null && !docs.isBlank()) {
                Files.copy(shot, Files.createDirectories(Path.of(docs)).resolve(name + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
