/** {@code /v1/media}: short-lived, tenant-authorised links to uploaded images. */
package io.idforge.identity.web.rest.media;
