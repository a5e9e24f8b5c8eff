/** Implementation of the multipart uploader; not API and subject to change. */
@NullMarked
package dev.ossflux.multipart.internal;

import org.jspecify.annotations.NullMarked;
