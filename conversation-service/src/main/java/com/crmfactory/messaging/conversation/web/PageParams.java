package com.crmfactory.messaging.conversation.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import com.crmfactory.messaging.support.web.UnprocessableException;

/** {@code page} (0-based) and {@code size} query parameters, checked against a maximum page size. */
public final class PageParams {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private PageParams() {
    }

    public static Pageable of(Integer page, Integer size, Sort sort) {
        return of(page, size, DEFAULT_SIZE, MAX_SIZE, sort);
    }

    public static Pageable of(Integer page, Integer size, int defaultSize, int maxSize, Sort sort) {
        int number = page == null ? 0 : page;
        int length = size == null ? defaultSize : size;
        if (number < 0) {
            throw new UnprocessableException("page", "page must be 0 or more");
        }
        if (length < 1 || length > maxSize) {
            throw new UnprocessableException("size", "size must be between 1 and " + maxSize);
        }
        return PageRequest.of(number, length, sort);
    }
}
