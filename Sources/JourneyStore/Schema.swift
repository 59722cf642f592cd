import GRDB

/// The database's tables, built by migrations: a new version of Journey adds a migration and never
/// edits one that has shipped. Rules live in the schema (NOT NULL, keys), not only in code.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: answers, drafts, ticks, reading") { db in
            try db.create(table: AnswerRecord.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("courseID", .text).notNull()
                table.column("promptID", .text).notNull()
                table.column("text", .text).notNull()
                table.column("savedAt", .datetime).notNull()
                placeColumns(table)
            }
            try db.create(index: "answerByPrompt", on: AnswerRecord.databaseTableName, columns: ["courseID", "promptID"])
            try db.create(table: DraftRecord.databaseTableName) { table in
                table.column("courseID", .text).notNull()
                table.column("promptID", .text).notNull()
                table.column("session", .text).notNull()
                table.column("text", .text).notNull()
                table.column("updatedAt", .datetime).notNull()
                placeColumns(table)
                table.primaryKey(["courseID", "promptID", "session"])
            }
            try db.create(table: TickRecord.databaseTableName) { table in
                table.column("courseID", .text).notNull()
                table.column("itemID", .text).notNull()
                table.column("ticked", .boolean).notNull()
                table.column("updatedAt", .datetime).notNull()
                table.primaryKey(["courseID", "itemID"])
            }
            try db.create(table: ReadRecord.databaseTableName) { table in
                table.column("courseID", .text).notNull()
                table.column("lessonID", .text).notNull()
                table.column("readAt", .datetime).notNull()
                table.primaryKey(["courseID", "lessonID"])
            }
            try db.create(table: PositionRecord.databaseTableName) { table in
                table.column("courseID", .text).notNull().primaryKey()
                table.column("lessonID", .text).notNull()
                table.column("block", .integer).notNull()
                table.column("fraction", .double).notNull()
                table.column("updatedAt", .datetime).notNull()
            }
        }
        return migrator
    }

    private static func placeColumns(_ table: TableDefinition) {
        for name in ["moduleTitle", "lessonID", "lessonTitle", "promptText"] {
            table.column(name, .text).notNull()
        }
    }
}
