/** Start-up sequence and the datasource defined from MicroProfile Config. */
package io.idforge.identity.web.config;
