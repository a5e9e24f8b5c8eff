/**
 * Upload callbacks: {@link dev.ossflux.core.callback.Callback} describes the request OSS sends to
 * the application after storing an object, and {@link dev.ossflux.core.callback.CallbackVerifier}
 * lets the application's server prove that such a request really comes from OSS.
 */
@NullMarked
package dev.ossflux.core.callback;

import org.jspecify.annotations.NullMarked;
