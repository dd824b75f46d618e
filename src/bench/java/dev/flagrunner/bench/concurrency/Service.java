package dev.flagrunner.bench.concurrency;

import dev.flagrunner.support.Scrape;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service under test, over plain HTTP on loopback. {@code url} (the default) uses HttpURLConnection's
 * keep-alive pool, a blocking exchange on the calling thread; {@code jdk} uses java.net.http.HttpClient,
 * which measured here about twice the driver CPU per request (its requests hop between threads), CPU
 * that the service on the same 2 cores then does not get.
 */
final class Service {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The service's largest page ({@code limit}): a list walked whole takes the fewest requests. */
    static final int LARGEST_PAGE = 1000;

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");

    private final String base;
    /** {@code Bearer <token>}: the service's generated token, read from {@code --token-file}; or null. */
    private final String authorization;
    /** {@code --tls true}: every session asks for the embedded server's TLS listener ({@code "tls": true}). */
    private final boolean tls;

    private final HttpClient http;

    /** A response: status, body (also of an error), headers by lower-case name. */
    record Response(int statusCode, String body, Map<String, List<String>> headers) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }
    }

    Service(String base, String transport, String tokenFile, boolean tls) {
        if (base == null || !(base.startsWith("http://127.0.0.1:") || base.startsWith("http://localhost:"))) {
            throw new Options.UsageException("--base http://127.0.0.1:PORT is required (loopback only)");
        }
        this.base = base;
        this.tls = tls;
        try {
            this.authorization = tokenFile == null
                    ? null
                    : "Bearer "
                            + Files.readString(Path.of(tokenFile), StandardCharsets.US_ASCII)
                                    .strip();
        } catch (IOException e) {
            throw new Options.UsageException("--token-file " + tokenFile + " cannot be read: " + e.getMessage());
        }
        if (transport.equals("jdk")) {
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        } else if (transport.equals("url")) {
            this.http = null;
            // Keep-alive pool of HttpURLConnection: room for every driver thread (default 5), so no request
            // opens a new connection (and leaves a TIME_WAIT behind).
            System.setProperty("http.maxConnections", "64");
            System.setProperty("http.keepAlive", "true");
            // Never resend a POST by itself on a connection the server closed: that would start a second session.
            System.setProperty("sun.net.http.retryPost", "false");
        } else {
            throw new Options.UsageException("--http must be url or jdk: " + transport);
        }
    }

    Response get(String path) throws IOException, InterruptedException {
        return exchange("GET", path, null);
    }

    /** {@code POST /sessions} for the student, {@code Prefer: respond-async}. */
    Response postSession(String studentId) throws IOException, InterruptedException {
        return exchange("POST", "/sessions", "{\"studentId\":\"" + studentId + "\"" + (tls ? ",\"tls\":true}" : "}"));
    }

    /** GET that must answer 200; returns the parsed JSON. */
    JsonNode getJson(String path) throws IOException, InterruptedException {
        Response r = get(path);
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + Units.abbreviate(r.body()));
        }
        return json(r.body());
    }

    /**
     * Every item of a paged list ({@code GET /flags}, {@code GET /sessions}): the first page at {@code path}, then
     * each {@code Link: <…>; rel="next"} until a page has none. The service's cursors meet each item once, even
     * while new ones are added.
     */
    List<JsonNode> getEvery(String path) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        forEachPage(path, page -> {
            page.forEach(items::add);
            return true;
        });
        return items;
    }

    /** What to do with one page of a paged list; false stops the walk there. */
    interface PageVisitor {
        boolean visit(JsonNode page);
    }

    /** Walks a paged list page by page from {@code path}, while {@code visitor} asks for more and more remain. */
    void forEachPage(String path, PageVisitor visitor) throws IOException, InterruptedException {
        String next = path;
        while (next != null) {
            Response r = get(next);
            if (r.statusCode() != 200) {
                throw new IOException(
                        "GET " + next + " answered " + r.statusCode() + ": " + Units.abbreviate(r.body()));
            }
            if (!visitor.visit(json(r.body()))) {
                return;
            }
            next = r.header("Link").map(Service::nextPath).orElse(null);
        }
    }

    /** The path of {@code <path?query>; rel="next"}, or null when the header links to no next page. */
    static String nextPath(String link) {
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    Scrape scrape() throws IOException, InterruptedException {
        Response r = get("/actuator/prometheus");
        if (r.statusCode() != 200) {
            throw new IOException("GET /actuator/prometheus answered " + r.statusCode());
        }
        return Scrape.parse(r.body());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** A field's text, or null when it is missing or null. */
    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private Response exchange(String method, String path, String json) throws IOException, InterruptedException {
        return http != null ? exchangeWithHttpClient(path, json) : exchangeWithUrlConnection(method, path, json);
    }

    private Response exchangeWithHttpClient(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (json != null) {
            b.header("Content-Type", "application/json")
                    .header("Prefer", "respond-async")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.GET();
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, List<String>> h = new HashMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        return new Response(r.statusCode(), r.body(), h);
    }

    private Response exchangeWithUrlConnection(String method, String path, String json) throws IOException {
        HttpURLConnection c =
                (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout((int) REQUEST_TIMEOUT.toMillis());
        c.setUseCaches(false);
        c.setRequestMethod(method);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        if (json != null) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(bytes.length);
            c.setRequestProperty("Content-Type", "application/json");
            c.setRequestProperty("Prefer", "respond-async");
            try (OutputStream o = c.getOutputStream()) {
                o.write(bytes);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = "";
        if (in != null) {
            try (in) {
                body = new String(
                        in.readAllBytes(), StandardCharsets.UTF_8); // read to the end: the connection is reused
            }
        }
        Map<String, List<String>> h = new HashMap<>();
        c.getHeaderFields().forEach((k, v) -> {
            if (k != null) {
                h.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        return new Response(status, body, h);
    }
}
