package org.needlepoint.schedule;

/** A treatment room. An inactive room is kept (appointments name it) but no longer offered. */
public record Room(long id, String name, boolean active, int version) {
}
