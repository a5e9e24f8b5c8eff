package dev.ossflux.core.internal.json;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of ossflux (callback parameters, replies, checkpoints). */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
}
