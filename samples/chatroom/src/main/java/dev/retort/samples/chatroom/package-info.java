/** The seeds/003 SQLite-first chat application as a Retort sample, its database commands mapped onto Retort. */
package dev.retort.samples.chatroom;
