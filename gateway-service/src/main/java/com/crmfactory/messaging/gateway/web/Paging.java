package com.crmfactory.messaging.gateway.web;

/** Checks the {@code page} / {@code size} query parameters of a list. */
public final class Paging {

    private Paging() {
    }

    public static void check(int page, int size) {
        new InvalidFieldsException.Collector()
                .check(page >= 0, "page", "page starts at 0")
                .check(size >= 1 && size <= PageView.MAX_SIZE, "size", "size is between 1 and " + PageView.MAX_SIZE)
                .throwIfAny();
    }
}
