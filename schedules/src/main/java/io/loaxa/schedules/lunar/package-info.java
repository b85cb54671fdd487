/**
 * The Vietnamese lunar calendar (âm lịch) a commune station keeps beside the solar one, so that
 * Tết greetings, Rằm, Giỗ Tổ Hùng Vương, Vu Lan and Trung thu air on the right day: solar and
 * lunar dates converted both ways for 1900 to 2100, each lunar year's Tết, leap month, month
 * lengths, last day and Can Chi name, and the named festival and public-holiday days a schedule
 * can refer to. Computed from new moons and solar terms at UTC+7, as the official calendar is;
 * pure values and functions, no I/O, no clock.
 */
package io.loaxa.schedules.lunar;
