import { useState } from 'react';
import { Button, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import type { RuleObject } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { birthDateOfIdNumber, genderOfIdNumber, idNumberProblem } from '../../../../../shared/domain/idNumber';
import { isPartyPhone } from '../../../../../shared/domain/phoneNumbers';
import type { PartyValues } from './intakeValues';

/** What an ID number says about its holder, shown once it is valid: 1990-01-01 · 男. */
function idNumberHint(id: string | undefined, t: (k: 'intake.party.male' | 'intake.party.female') => string): string | null {
  if (!id || idNumberProblem(id) !== null) return null;
  const sex = genderOfIdNumber(id) === 'M' ? t('intake.party.male') : t('intake.party.female');
  return `${birthDateOfIdNumber(id)} · ${sex}`;
}

/**
 * The parties on both sides, several per side. Enter in a party's row adds another party on the same
 * side and puts the cursor in its name; ID numbers (GB 11643 check digit) and phones are checked as typed,
 * by the same rules the core applies (shared/domain/idNumber.ts, phoneNumbers.ts).
 */
export function PartiesFields() {
  const { t } = useTranslation();
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const idRules: RuleObject[] = [
    {
      // While typing, speak up only once 18 characters are in (a partial number is not yet wrong).
      validateTrigger: 'onChange',
      validator: async (_, value: string | undefined) => {
        const v = value?.trim() ?? '';
        if (v.length < 18) return;
        const problem = idNumberProblem(v);
        if (problem) throw new Error(t(`intake.idProblem.${problem}`));
      },
    },
    {
      validateTrigger: 'onBlur',
      validator: async (_, value: string | undefined) => {
        const v = value?.trim() ?? '';
        if (!v) return;
        const problem = idNumberProblem(v);
        if (problem) throw new Error(t(`intake.idProblem.${problem}`));
      },
    },
  ];
  const phoneRules: RuleObject[] = [
    {
      validateTrigger: 'onBlur',
      validator: async (_, value: string | undefined) => {
        const v = value?.trim() ?? '';
        if (v && !isPartyPhone(v)) throw new Error(t('intake.phoneInvalid'));
      },
    },
  ];

  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => {
        const addParty = (side: PartyValues['side'], at?: number) => {
          const index = at ?? fields.length;
          add({ side }, index);
          setFocusRow(index);
        };
        return (
          <Space orientation="vertical" style={{ width: '100%' }} size={4} data-testid="intake-parties">
            {fields.map((field, index) => (
              <PartyRow
                key={field.key}
                name={field.name}
                index={index}
                autoFocus={focusRow === index}
                removable={fields.length > 1}
                onRemove={() => remove(field.name)}
                onEnter={(side) => addParty(side, index + 1)}
                idRules={idRules}
                phoneRules={phoneRules}
              />
            ))}
            <Space>
              <Button size="small" icon={<UserAddOutlined />} onClick={() => addParty('applicant')} data-testid="add-applicant">
                {t('intake.party.addApplicant')}
              </Button>
              <Button size="small" icon={<UserAddOutlined />} onClick={() => addParty('respondent')} data-testid="add-respondent">
                {t('intake.party.addRespondent')}
              </Button>
              <Typography.Text type="secondary">{t('intake.party.enterHint')}</Typography.Text>
            </Space>
          </Space>
        );
      }}
    </Form.List>
  );
}

interface RowProps {
  name: number;
  index: number;
  autoFocus: boolean;
  removable: boolean;
  onRemove(): void;
  onEnter(side: PartyValues['side']): void;
  idRules: RuleObject[];
  phoneRules: RuleObject[];
}

function PartyRow({ name, index, autoFocus, removable, onRemove, onEnter, idRules, phoneRules }: RowProps) {
  const { t } = useTranslation();
  const side = Form.useWatch<PartyValues['side'] | undefined>(['parties', name, 'side']);
  const idValue = Form.useWatch<string | undefined>(['parties', name, 'idNumber']);
  const onKeyDown = (e: React.KeyboardEvent) => {
    // Enter in a text field of the row (not while an input method composes, not in the side picker).
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || !(e.target instanceof HTMLInputElement) || e.target.role === 'combobox') return;
    e.preventDefault();
    onEnter(side ?? 'applicant');
  };
  return (
    <Row gutter={8} align="top" data-testid={`party-${index}`} onKeyDown={onKeyDown}>
      <Col flex="110px">
        <Form.Item name={[name, 'side']} style={{ marginBottom: 4 }}>
          <Select
            aria-label={t('intake.party.side')}
            options={[
              { value: 'applicant', label: t('case.parties.applicant') },
              { value: 'respondent', label: t('case.parties.respondent') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col flex="130px">
        <Form.Item name={[name, 'name']} rules={[{ required: true, whitespace: true, message: t('intake.party.nameRequired') }]} style={{ marginBottom: 4 }}>
          <Input aria-label={t('case.parties.name')} placeholder={t('case.parties.name')} maxLength={60} autoFocus={autoFocus} />
        </Form.Item>
      </Col>
      <Col flex="210px">
        <Form.Item name={[name, 'idNumber']} rules={idRules} validateTrigger={['onChange', 'onBlur']} style={{ marginBottom: 4 }} extra={idNumberHint(idValue, t)}>
          <Input aria-label={t('case.parties.idNumber')} placeholder={t('case.parties.idNumber')} maxLength={18} className="gc-mono" />
        </Form.Item>
      </Col>
      <Col flex="150px">
        <Form.Item name={[name, 'phone']} rules={phoneRules} validateTrigger={['onBlur']} style={{ marginBottom: 4 }}>
          <Input aria-label={t('case.parties.phone')} placeholder={t('case.parties.phone')} maxLength={20} className="gc-mono" />
        </Form.Item>
      </Col>
      <Col flex="auto">
        <Form.Item name={[name, 'address']} style={{ marginBottom: 4 }}>
          <Input aria-label={t('case.parties.address')} placeholder={t('case.parties.address')} maxLength={200} />
        </Form.Item>
      </Col>
      <Col flex="32px">
        <Button type="text" icon={<DeleteOutlined />} aria-label={t('intake.party.remove')} disabled={!removable} tabIndex={-1} onClick={onRemove} />
      </Col>
    </Row>
  );
}
