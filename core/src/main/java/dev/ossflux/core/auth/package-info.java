/** Credentials and the providers that supply them to the client. */
@NullMarked
package dev.ossflux.core.auth;

import org.jspecify.annotations.NullMarked;
