import i18n from './i18n';
import { en, vi } from './locales/workflow';

/**
 * The workflow labels (issue #20) join the translations when a page that uses them loads (the inbox,
 * the dossier page, the workflow editor), not in the entry that every public page downloads: the
 * public pages' first visit has a budget (test/portal-weight.test.ts).
 */
i18n.addResourceBundle('vi', 'translation', vi, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
