import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, get, post, put } from '../api';
import { renderTemplate, templateVariables } from '../format';
import type { Page, Template } from '../types';

const EMPTY = { key: '', channel: 'whatsapp', language: 'en', type: 'text', body: '', contentSid: '' };

/** The org's templates: list, create, edit, preview; approval status and rejection reason (read-only). */
export function TemplatesPage() {
  const [templates, setTemplates] = useState<Template[]>([]);
  const [editing, setEditing] = useState<Template | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    get<Page<Template>>('/api/v1/message-templates?size=100')
      .then((page) => setTemplates(page.items))
      .catch(() => setError('Could not load the templates.'));
  }, []);
  useEffect(load, [load]);

  const edit = (template: Template | null) => {
    setEditing(template);
    setForm(template ? { key: template.key, channel: String(template.channel ?? ''), language: template.language ?? 'en',
      type: String(template.type ?? 'text'), body: template.body ?? '', contentSid: template.contentSid ?? '' } : EMPTY);
    setValues({});
    setError(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = { ...form, channel: form.channel || undefined, contentSid: form.contentSid || undefined,
      variables: templateVariables(form.body) };
    try {
      if (editing?.id) await put(`/api/v1/message-templates/${encodeURIComponent(editing.id)}`, body);
      else await post('/api/v1/message-templates', body);
      edit(null);
      load();
    } catch (e) {
      if (e instanceof ApiError) {
        const fields = e.problem.errors?.map((f) => `${f.field}: ${f.message}`).join('; ');
        setError(fields || e.message);
      } else setError('Could not save the template.');
    }
  };

  const variables = templateVariables(form.body);
  return (
    <section aria-labelledby="templates-title" className="templates-page">
      <h1 id="templates-title">Templates</h1>
      <table>
        <caption>Message templates</caption>
        <thead><tr><th scope="col">Key</th><th scope="col">Channel</th><th scope="col">Language</th><th scope="col">Approval</th><th scope="col">Body</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {templates.map((t) => {
            const status = String(t.approvalStatus ?? t.status ?? 'draft');
            return (
              <tr key={t.id ?? t.key + t.language}>
                <th scope="row">{t.key}</th>
                <td>{String(t.channel ?? 'any')}</td>
                <td>{t.language}</td>
                <td><span className={`chip approval-${status}`}>{status}</span>{t.rejectionReason && <span className="reason"> {t.rejectionReason}</span>}</td>
                <td className="body">{t.body}</td>
                <td><button type="button" onClick={() => edit(t)}>Edit<span className="sr-only"> {t.key}</span></button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form onSubmit={save} className="template-form" aria-labelledby="template-form-title">
        <h2 id="template-form-title">{editing ? `Edit ${editing.key}` : 'New template'}</h2>
        <label>Key <input value={form.key} required onChange={(e) => setForm({ ...form, key: e.target.value })} /></label>
        <label>Channel
          <select value={form.channel} onChange={(e) => setForm({ ...form, channel: e.target.value })}>
            <option value="">any</option><option value="whatsapp">whatsapp</option><option value="sms">sms</option>
            <option value="mms">mms</option><option value="email">email</option>
          </select>
        </label>
        <label>Language <input value={form.language} required onChange={(e) => setForm({ ...form, language: e.target.value })} /></label>
        <label>Type
          <select value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
            <option value="text">text</option><option value="media">media</option>
            <option value="quick-reply">quick-reply</option><option value="list-picker">list-picker</option>
          </select>
        </label>
        <label>Body <textarea value={form.body} rows={3} required onChange={(e) => setForm({ ...form, body: e.target.value })} /></label>
        <label>Content SID <input value={form.contentSid} onChange={(e) => setForm({ ...form, contentSid: e.target.value })} /></label>
        {variables.map((name) => (
          <label key={name}>Example {name} <input value={values[name] ?? ''} onChange={(e) => setValues({ ...values, [name]: e.target.value })} /></label>
        ))}
        <p className="preview"><strong>Preview: </strong>{renderTemplate(form.body, values)}</p>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit">{editing ? 'Save' : 'Create'}</button>
        {editing && <button type="button" onClick={() => edit(null)}>Cancel</button>}
      </form>
    </section>
  );
}
