package se.asfplan.web.api.http;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list the API answers: every list endpoint takes {@code page} (from 0, default 0) and {@code size}
 * (1 to {@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}) and answers the page's items as the JSON array it always
 * was, with the paging in headers: {@code X-Total-Count} (items in the whole list), {@code X-Page},
 * {@code X-Page-Size}, and {@code Link} (RFC 8288) with {@code first}, {@code prev}, {@code next} and {@code last},
 * each the request's own address with only {@code page} changed. A page past the last is an empty array (200) with
 * the same headers; a size or page out of range is refused with 400 naming it.
 */
public final class Paging {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;
    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String PAGE = "X-Page";
    public static final String PAGE_SIZE = "X-Page-Size";

    /** For the API description of {@code page}. */
    public static final String PAGE_DOC = "The page to answer, from 0 (the default); the total and the links to the "
            + "other pages are in the headers X-Total-Count and Link";
    /** For the API description of {@code size}. */
    public static final String SIZE_DOC = "Items per page: 1 to " + MAX_SIZE + ", default " + DEFAULT_SIZE;

    private Paging() {
    }

    /** The page of {@code all} the request asked for, with the paging headers. */
    public static <T> ResponseEntity<List<T>> page(List<T> all, int page, int size) {
        check(page, size);
        int total = all.size();
        long from = Math.min((long) page * size, total);
        int to = (int) Math.min(from + size, total);
        List<T> items = List.copyOf(all.subList((int) from, to));
        return ResponseEntity.ok().headers(headers(total, page, size)).body(items);
    }

    /** A page the database cut ({@code items}, out of {@code total} in the whole list), with the paging headers. */
    public static <T> ResponseEntity<List<T>> page(List<T> items, long total, int page, int size) {
        check(page, size);
        return ResponseEntity.ok().headers(headers(total, page, size)).body(List.copyOf(items));
    }

    /** Refuses a page below 0 or a size outside 1 to {@value #MAX_SIZE} (400 naming it). */
    public static void check(int page, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", but was " + size);
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, but was " + page);
        }
    }

    /** The paging headers of page {@code page} of {@code size} items out of {@code total}. */
    public static HttpHeaders headers(long total, int page, int size) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(TOTAL_COUNT, Long.toString(total));
        headers.set(PAGE, Integer.toString(page));
        headers.set(PAGE_SIZE, Integer.toString(size));
        long last = Math.max(0, (total + size - 1) / size - 1);
        List<String> links = new ArrayList<>();
        links.add(link(0, "first"));
        if (page > 0) {
            links.add(link(Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(page + 1, "next"));
        }
        links.add(link(last, "last"));
        headers.set(HttpHeaders.LINK, String.join(", ", links));
        return headers;
    }

    private static String link(long page, String relation) {
        UriComponentsBuilder uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page);
        return "<" + uri.build().toUriString() + ">; rel=\"" + relation + "\"";
    }
}
