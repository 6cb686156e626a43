package vn.hocba.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every JSON request body (a class gradebook import is ~300 KB; everything else a few KB):
 * a declared length over the limit is answered 413 before anything is read, and a body sent without
 * a length (chunked) is cut off as soon as it passes the limit. Without this a single request could
 * make Spring read gigabytes into a {@code String}. Files have their own limits (multipart:
 * {@code spring.servlet.multipart}; PDF bodies: {@link UploadedPdf}).
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

    /** Largest JSON request body accepted. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** Thrown while reading a body that passed the limit; {@link ApiErrors} answers it with 413. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("JSON request body over " + MAX_BYTES + " bytes");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return !(media.getSubtype().equals("json") || media.getSubtype().endsWith("+json") || media.getType().equals("text"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            vn.hocba.web.layout.ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, message());
            return;
        }
        chain.doFilter(new Bounded(request), response);
    }

    static String message() {
        return "Nội dung gửi lên lớn hơn " + MAX_BYTES / 1024 / 1024 + " MB, quá giới hạn của máy chủ cho dữ liệu JSON (sổ điểm "
                + "một lớp chỉ vài trăm KB). Không có gì được lưu; hãy gửi đúng dữ liệu của yêu cầu.";
    }


    private static final class Bounded extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream());
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_BYTES) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
