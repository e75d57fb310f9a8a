/** The end user's entry: the process URL {@code <base>/?token=...} that starts or resumes a process. */
package io.idforge.identity.web.hosted;
