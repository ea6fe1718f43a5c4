import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage, type Language } from '../i18n';

/** 中文 | English; the choice is kept on this machine. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  // Re-render on change: i18n.language is read through the hook's instance.
  const value: Language = i18n.language === 'en' ? 'en' : currentLanguage();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('header.language')}
      data-testid="language-switch"
      value={value}
      options={LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
      onChange={(lang) => void setLanguage(lang)}
    />
  );
}
