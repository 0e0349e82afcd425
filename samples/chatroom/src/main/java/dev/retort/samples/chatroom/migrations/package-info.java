/** The chatroom's schema changes. */
package dev.retort.samples.chatroom.migrations;
