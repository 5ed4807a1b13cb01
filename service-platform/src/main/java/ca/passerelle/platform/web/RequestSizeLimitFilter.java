package ca.passerelle.platform.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps the size of every request body, before security and before any controller: a declared {@code Content-Length}
 * above the cap is answered 413 without reading the body; a body without one (chunked) is counted while it is read and
 * the read fails with {@link RequestTooLargeException} once it passes the cap, which {@link ProblemDetailsAdvice}
 * (or this filter, when nothing else answered) turns into the same 413. The answer names the limit, never the content.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final List<Cap> overrides;

    private record Cap(PathPattern pattern, HttpMethod method, long maxBytes) {

        boolean matches(String requestMethod, PathContainer path) {
            return (method == null || method.matches(requestMethod)) && pattern.matches(path);
        }
    }

    public RequestSizeLimitFilter(HttpLimitsProperties properties) {
        this.defaultLimit = properties.maxRequestBytes().toBytes();
        this.overrides = properties.requestSizeOverrides().stream()
                .map(o -> new Cap(PathPatternParser.defaultInstance.parse(o.pattern()), o.method(), o.maxBytes().toBytes()))
                .toList();
    }

    /** The cap for one request: the first matching override's, else the default. */
    public long limitFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Cap override : overrides) {
            if (override.matches(method, container)) {
                return override.maxBytes();
            }
        }
        return defaultLimit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = limitFor(request.getMethod(), path.isEmpty() ? "/" : path);
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        CountingRequest counting = new CountingRequest(request, limit);
        try {
            chain.doFilter(counting, response);
        } catch (IOException | ServletException | RuntimeException ex) {
            if (counting.exceeded() && !response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
                return;
            }
            throw ex;
        }
    }

    /** Writes the 413 problem; the body names the limit only. */
    static void tooLarge(HttpServletResponse response, long limit) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"" + ProblemDetailsAdvice.TYPE_BASE.resolve("request-too-large")
                + "\",\"title\":\"Request too large\",\"status\":413,\"detail\":\"" + detail(limit) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String detail(long limit) {
        return "The request body exceeds the " + limit + " bytes accepted here.";
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long limit;
        private CountingStream stream;

        CountingRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }

        boolean exceeded() {
            return stream != null && stream.exceeded;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long count;
        private boolean exceeded;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLargeException {
            count += n;
            if (count > limit) {
                exceeded = true;
                throw new RequestTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
