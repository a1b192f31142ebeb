/** Backup file format, checks and restore (see format.ts and restore.ts). */
export { backupDue, BACKUP_REMINDER_DAYS, buildBackup, parseBackup, BACKUP_FORMAT, type Backup } from './format';
export { previewRestore, restoreBackup, type RestoreMode, type RestorePreview } from './restore';
