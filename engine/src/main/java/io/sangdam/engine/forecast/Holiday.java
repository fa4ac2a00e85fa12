package io.sangdam.engine.forecast;

import java.time.LocalDate;

/** A day the center treats as a holiday, e.g. 추석 or the center's own foundation day. */
public record Holiday(LocalDate date, String name) {}
