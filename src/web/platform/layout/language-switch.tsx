import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, languages, switchLanguage, type Language } from '../i18n/i18n';

/** zh-CN / en-US switch; server texts (labels, messages) are fetched again in the new language. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('platform');
  const queryClient = useQueryClient();
  const change = async (language: Language) => {
    await switchLanguage(language);
    await queryClient.invalidateQueries();
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [currentLanguage()],
        items: languages.map((language) => ({ key: language, label: t(`language.${language}`) })),
        onClick: ({ key }) => void change(key as Language),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.label')} data-testid="language-switch">
        {compact ? null : t(`language.${currentLanguage()}`)}
      </Button>
    </Dropdown>
  );
}
