import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { isApiError } from '../http/api-error';
import { applyFieldErrors } from './apply-field-errors';

/**
 * Server errors for one form: field errors go inline; the error itself stays for an alert above the
 * form unless it was plain validation fully shown on the fields.
 */
export function useFormErrors(form: FormInstance) {
  const [formError, setFormError] = useState<unknown>(null);
  const handleError = useCallback((error: unknown) => {
    const unmatched = applyFieldErrors(form, error);
    const fullyInline = isApiError(error) && error.code === 'VALIDATION_FAILED' && error.details.length > 0 && unmatched.length === 0;
    setFormError(fullyInline ? null : error);
  }, [form]);
  const clearFormError = useCallback(() => setFormError(null), []);
  return { formError, handleError, clearFormError };
}
