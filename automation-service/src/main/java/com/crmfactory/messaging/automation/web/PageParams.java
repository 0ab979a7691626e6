package com.crmfactory.messaging.automation.web;

import com.crmfactory.messaging.support.web.UnprocessableException;

/** {@code page} (0-based) and {@code size} query parameters, checked against a maximum page size. */
public record PageParams(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageParams of(Integer page, Integer size) {
        int number = page == null ? 0 : page;
        int length = size == null ? DEFAULT_SIZE : size;
        if (number < 0) {
            throw new UnprocessableException("page", "page must be 0 or more");
        }
        if (length < 1 || length > MAX_SIZE) {
            throw new UnprocessableException("size", "size must be between 1 and " + MAX_SIZE);
        }
        return new PageParams(number, length);
    }
}
